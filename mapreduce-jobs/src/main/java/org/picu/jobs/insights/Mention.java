package org.picu.jobs.insights;

/** A news item that mentions a symbol, with its publication time (epoch ms) and sentiment score (−1..1). */
public record Mention(String newsId, long publishedAt, double score) {
}
