/** Tests of the operations tree: requirements/ manifests, the Ansible roles, and the worker agent on arm64. */
package org.picu.ops;
