/** Promotions: campaigns, coupons and the engine that prices a cart with the best combination. */
@org.springframework.modulith.ApplicationModule(displayName = "Promotions")
package io.magpie.promotion;
