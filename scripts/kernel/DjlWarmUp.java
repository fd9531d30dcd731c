import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.Utils;

/**
 * Loads DJL's PyTorch engine once, offline, so that its native libraries are unpacked from the
 * pytorch-native-cpu jar into DJL's cache (DJL_CACHE_DIR, default ~/.djl.ai) before any notebook
 * runs: on Binder this happens at image build time, not when a student runs the first cell.
 * Run by scripts/prepare.sh: java -Dai.djl.offline=true -cp "toolkit jar:lib/*" DjlWarmUp.java
 */
public class DjlWarmUp {
    public static void main(String[] args) {
        Engine engine = Engine.getInstance();
        float sum;
        try (NDManager manager = NDManager.newBaseManager()) {
            sum = manager.ones(new Shape(2, 3)).sum().getFloat();
        }
        if (sum != 6f) {
            throw new IllegalStateException("DJL engine " + engine.getEngineName() + " computed 1*6 = " + sum);
        }
        System.out.println("DJL: " + engine.getEngineName() + " " + engine.getVersion() + " loaded offline; natives in "
                + Utils.getEngineCacheDir(engine.getEngineName().toLowerCase()));
    }
}
