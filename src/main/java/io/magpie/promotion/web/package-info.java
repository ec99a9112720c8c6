/** Console pages of the promotion module: coupon templates, bulk issue, code batches, the cart simulator. */
package io.magpie.promotion.web;
