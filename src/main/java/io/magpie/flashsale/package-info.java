/**
 * Flash sales (秒杀): sessions and their items, stock decided in memory and persisted by group
 * commit, reservations that shoppers confirm by paying or lose when they expire.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Flash sales")
package io.magpie.flashsale;
