/** Console pages of the promotion module: the cart simulator. */
package io.magpie.promotion.web;
