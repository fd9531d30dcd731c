package org.spuriouslab.models;

/** The kind of network a {@link ClassifierSpec} describes. */
public enum Architecture {
    /** Fully connected: flatten → [linear → ReLU]× hidden layers → linear head. */
    MLP,
    /** Convolutional: [3×3 conv → ReLU → 2×2 max-pool]× channels → flatten → [linear → ReLU]× hidden → linear head. */
    CNN
}
