/** The long-running worker: per-source cron schedules, a crawl loop and the uploader beside it. */
package org.picu.worker.daemon;
