/** A loopback HTTP server that replays recorded site responses, so spiders run without the internet. */
package org.picu.testkit.replay;
