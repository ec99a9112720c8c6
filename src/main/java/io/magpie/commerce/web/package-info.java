/** Console pages of the commerce module. */
package io.magpie.commerce.web;
