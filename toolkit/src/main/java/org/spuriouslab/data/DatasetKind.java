package org.spuriouslab.data;

import java.util.List;

/** The image datasets the toolkit knows: their {@code data-fetch} name, display name and class names. */
public enum DatasetKind {
    MNIST("mnist", "MNIST", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST", List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));

    private final String id;
    private final String displayName;
    private final List<String> classNames;

    DatasetKind(String id, String displayName, List<String> classNames) {
        this.id = id;
        this.displayName = displayName;
        this.classNames = classNames;
    }

    /** The name {@code data-fetch} uses, also the folder name under the data directory. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The kind with this {@code data-fetch} name. */
    public static DatasetKind ofId(String id) {
        for (DatasetKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown image dataset '" + id + "'; known: mnist, fashion-mnist");
    }
}
