/** {@code render-conf}: fills the {@code conf/hadoop} templates with a profile's values, as Ansible does. */
package org.picu.master.hadoopconf;
