package io.magpie.commerce.web;

/** An entry of a filter's drop-down; {@code depth} indents categories under their parents. */
record Option(long id, String name, int depth) {}
