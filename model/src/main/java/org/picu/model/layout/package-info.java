/** Where data lives: HDFS paths per stage, partition dates, raw file names and partition manifests. */
package org.picu.model.layout;
