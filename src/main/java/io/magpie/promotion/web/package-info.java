/** Console pages of the promotion module. */
package io.magpie.promotion.web;
