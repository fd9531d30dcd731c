package org.spuriouslab.discovery;

import org.spuriouslab.patterns.Pattern;

/**
 * A pattern and one class it was planted in.
 *
 * @param patternIndex  index of the pattern in the planted sets' pattern list
 * @param pattern       the pattern
 * @param originalClass the class in the dataset's labels
 * @param label         the class among the classes of interest (the classifier's label)
 * @param className     the class's name
 */
public record PlantedTarget(int patternIndex, Pattern pattern, int originalClass, int label, String className) {
}
