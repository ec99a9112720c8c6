/** Console pages of the promotion module: coupon templates, bulk issue, code batches. */
package io.magpie.promotion.web;
