package org.spuriouslab.causal;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Internals of the Newton solver that the public API does not show. */
class DualSolverTest {

    @Test
    void reusesTheHessianOnceConvergenceIsFast() {
        Covariates controls = SyntheticGroups.controls(20_000, 20, 40);
        double[] target = SyntheticGroups.treated(4_000, 20, 41).means();
        try (Workers workers = new Workers(1)) {
            DualSolver solver = new DualSolver(controls.data(), controls.size(), controls.dimension(), target, null,
                    1e-10, 200, controls.names(), workers);
            DualSolver.Solution s = solver.solve();
            assertTrue(s.converged());
            assertTrue(solver.hessianPasses >= 1 && solver.hessianPasses < s.iterations(),
                    solver.hessianPasses + " Hessian passes for " + s.iterations() + " iterations");
            double worst = Arrays.stream(s.imbalance()).map(Math::abs).max().orElseThrow();
            assertTrue(worst < 1e-10, "imbalance " + worst);
        }
    }
}
