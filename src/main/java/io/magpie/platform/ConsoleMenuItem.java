package io.magpie.platform;

import java.util.Set;

/**
 * A module's entry in the console navigation. Each module that has pages declares its items as
 * beans; the console shows only those, so a module that does not exist shows no link.
 *
 * @param group navigation group message key, e.g. {@code nav.group.data}
 * @param order position inside the navigation (lower first)
 * @param path link target, e.g. {@code /orders}
 * @param labelKey message key of the label
 * @param icon Bootstrap Icons-free glyph name used by the console stylesheet
 * @param roles roles that see the item; empty means every console user
 */
public record ConsoleMenuItem(String group, int order, String path, String labelKey, String icon, Set<String> roles) {

    public static ConsoleMenuItem of(String group, int order, String path, String labelKey, String icon) {
        return new ConsoleMenuItem(group, order, path, labelKey, icon, Set.of());
    }
}
