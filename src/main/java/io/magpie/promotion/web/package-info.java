/** Console pages of the promotion module: campaign list, detail and builder. */
package io.magpie.promotion.web;
