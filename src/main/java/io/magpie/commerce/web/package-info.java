/** Read-only console pages of the commerce module: products, customers, orders. */
package io.magpie.commerce.web;
