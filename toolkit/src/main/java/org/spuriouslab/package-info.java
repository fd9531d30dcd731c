/**
 * Spurious Lab: step-by-step helpers for finding and removing spurious correlations in neural
 * networks. One package per concept: {@code data} (datasets, IDX files), {@code charts} (XChart
 * and image grids as {@code BufferedImage}), {@code tables} (Tablesaw), {@code env} (what runs
 * where), {@code progress} (progress lines for long work).
 */
package org.spuriouslab;
