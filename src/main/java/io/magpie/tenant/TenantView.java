package io.magpie.tenant;

import java.time.ZoneId;

/** A merchant using Magpie: its currency and the time zone its schedules are read in. */
public record TenantView(long id, String name, String currency, ZoneId timeZone) {}
