/**
 * The merchant's commerce data: catalog (categories, brands, products, SKUs), stores, customers,
 * and orders with their life (created, paid, cancelled, refunded) published as events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commerce")
package io.magpie.commerce;
