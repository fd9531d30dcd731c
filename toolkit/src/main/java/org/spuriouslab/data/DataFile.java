package org.spuriouslab.data;

/**
 * One verified file of a fetched dataset, as recorded by {@code data-fetch} in {@code FETCHED.tsv}.
 *
 * @param file   file name inside the dataset's folder
 * @param size   size in bytes
 * @param sha256 SHA-256 of the file, lower-case hex
 * @param source where it came from (a URL or a Debian package path)
 */
public record DataFile(String file, long size, String sha256, String source) {
}
