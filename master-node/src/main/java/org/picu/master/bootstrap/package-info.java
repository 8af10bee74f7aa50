/**
 * The HDFS directory tree PICU needs ({@code picu-master hdfs-init}): one definition for the cluster, the proof and the
 * tests.
 */
package org.picu.master.bootstrap;
