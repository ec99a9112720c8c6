/** Console pages of flash sales: sessions, items, the live dashboard, reservations. */
package io.magpie.flashsale.web;
