/** News endpoints over {@code news} and {@code news_sentiment}: the latest items and one item's sentiment. */
package org.picu.tier2.api.news;
