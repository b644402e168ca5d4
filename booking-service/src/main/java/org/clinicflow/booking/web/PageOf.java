package org.clinicflow.booking.web;

import java.util.List;

/** One page of a list the API serves in pages: the items, where the page is, and how many there are in all. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems) {
}
