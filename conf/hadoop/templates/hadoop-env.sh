# PICU hadoop-env.sh template (rendered by Ansible or `picu-master render-conf`; values in conf/hadoop/profiles/).

# Java 17: Hadoop 3.5.0 is the first line that supports it officially.
export JAVA_HOME={{ java_home }}

# Daemon heaps sized for a 4 GB Pi 4. Master: NameNode 1 GB (about a million blocks; PICU keeps files few and
# large) and ResourceManager 512 MB, leaving room for the orchestrator (256 MB) and the OS.
# Workers: DataNode and NodeManager 384 MB each, so 2560 MB remain for containers (see yarn-site.xml).
export HDFS_NAMENODE_OPTS="-Xmx{{ namenode_heap_mb }}m"
export HDFS_DATANODE_OPTS="-Xmx{{ datanode_heap_mb }}m"
export YARN_RESOURCEMANAGER_OPTS="-Xmx{{ resourcemanager_heap_mb }}m"
export YARN_NODEMANAGER_OPTS="-Xmx{{ nodemanager_heap_mb }}m"
export HDFS_SECONDARYNAMENODE_OPTS="-Xmx{{ secondarynamenode_heap_mb }}m"
export MAPRED_HISTORYSERVER_OPTS="-Xmx{{ historyserver_heap_mb }}m"

# The YARN web apps (Guice) and WebHDFS (Jersey) reflect into java.lang on Java 17.
export HADOOP_OPTS="$HADOOP_OPTS --add-opens=java.base/java.lang=ALL-UNNAMED -Djava.net.preferIPv4Stack=true"

# Logs on the data partition, rotated at 16 MB with 5 backups per daemon, so an SD card never fills with logs.
export HADOOP_LOG_DIR={{ hadoop_log_dir }}
export HADOOP_PID_DIR={{ hadoop_tmp_dir }}/pids
export HADOOP_DAEMON_ROOT_LOGGER=INFO,RFA
export HADOOP_OPTS="$HADOOP_OPTS -Dhadoop.log.maxfilesize=16MB -Dhadoop.log.maxbackupindex=5"
