package org.spuriouslab.text;

/**
 * One short text and its true topic (an index into {@link Corpus#topicNames()}).
 *
 * @param text  the text
 * @param topic the true topic, at least 0
 */
public record TextItem(String text, int topic) {

    /** Checks the text is not null and the topic is not negative. */
    public TextItem {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        if (topic < 0) {
            throw new IllegalArgumentException("topic must be at least 0, got " + topic);
        }
    }
}
