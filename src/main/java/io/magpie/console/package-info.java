/** The console shell: login, layout and navigation, dashboard, locale switching. */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package io.magpie.console;
