package io.magpie.tenant;

/** Changes to a console user; a null component keeps the current value. */
public record UserChange(String displayName, Role role, Boolean enabled) {}
