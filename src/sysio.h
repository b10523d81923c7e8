/*
 * The system calls sams makes on files, in one place so that tests can make
 * the N-th of them fail, kill the process or stop it (SAMS_FAULT, see
 * sysio.c).  Each behaves as the call it is named after.  Safe to call
 * from several threads.
 */
#ifndef SYSIO_H
#define SYSIO_H

#include <sys/stat.h>
#include <sys/types.h>

int	sys_open(const char *path, int flags, mode_t mode);
ssize_t	sys_read(int fd, void *buf, size_t n);
ssize_t	sys_write(int fd, const void *buf, size_t n);
int	sys_fsync(int fd);
int	sys_close(int fd);
int	sys_fchmod(int fd, mode_t mode);
int	sys_fchown(int fd, uid_t owner, gid_t group);
int	sys_flock(int fd, int op);
int	sys_lstat(const char *path, struct stat *st);
int	sys_rename(const char *from, const char *to);
int	sys_link(const char *from, const char *to);
/* rename() that fails with EEXIST instead of replacing "to". */
int	sys_rename_noreplace(const char *from, const char *to);
int	sys_unlink(const char *path);

#endif
