/*
 * Reading and safely writing files.  Writes never touch the target in
 * place: a temporary file in the same folder is written, synced and renamed
 * over it, under a lock on a separate, stable lock file.  Every function
 * reports its own problems and returns 0 or an exit status from sams.h,
 * except where FILE_CHANGED is said.
 */
#ifndef FILEIO_H
#define FILEIO_H

#include <sys/types.h>

#include <stddef.h>
#include <time.h>

/*
 * Reads the regular file path (or standard input for "-") into a
 * NUL-terminated buffer the caller frees.  66 when missing or unreadable,
 * 65 when larger than max bytes.  Follows symbolic links: for reading only.
 */
int	file_read(const char *path, size_t max, char **buf, size_t *len);

/* file_read() for a descriptor the caller opened and closes. */
int	file_read_fd(int fd, const char *path, size_t max, char **buf,
	    size_t *len);

/* What a file was when it was read for an update. */
struct file_seen {
	dev_t		 dev;
	ino_t		 ino;
	off_t		 size;
	struct timespec	 mtime, ctime;
	mode_t		 mode;
	uid_t		 uid;
	gid_t		 gid;
};

/*
 * Reads path for an update, as file_read() but never "-", never through a
 * symbolic link (O_NOFOLLOW) and only a regular file with one link, as the
 * open descriptor shows (73 otherwise); fills *seen.
 */
int	file_read_seen(const char *path, size_t max, char **buf, size_t *len,
	    struct file_seen *seen);

struct file_lock {
	int	 fd;
	char	*path;
};

/*
 * Sets how long file_lock() waits for another writer, in seconds; 10
 * unless set.  The caller checks the value.
 */
void	file_set_lock_timeout(double seconds);

/*
 * The longest base name of a file sams writes: its lock and temporary
 * files (".NAME.tmp.PID.HEX") must fit in NAME_MAX beside it.
 */
#define FILE_NAME_MAX	200

/* 73 after reporting when path's base name is longer than FILE_NAME_MAX. */
int	file_check_name(const char *path);

/*
 * Takes the lock for updating path: an flock on ".NAME.lock" beside it,
 * waiting at most the lock timeout: 75 on timeout; 73 when the lock is
 * not a regular file or another user's that this one cannot open.  Removes temporary
 * files an interrupted run left behind: exactly ".NAME.tmp.PID.HEX".
 */
int	file_lock(const char *path, struct file_lock *lk);
void	file_unlock(struct file_lock *lk);

/*
 * Whether path may be replaced: an existing regular file that the process
 * can open for reading (66 otherwise), that is not a symbolic link and has
 * no other hard links (73 otherwise).
 */
int	file_check_target(const char *path);

/* Returned, without a report, when another program changed the file. */
#define FILE_CHANGED	(-2)

/*
 * Replaces path, read as seen with the bytes old[0..oldlen), by
 * buf[0..len), atomically and durably, keeping its permission bits, group
 * and, where the process may, owner.  Just before the rename, the file is
 * compared with what was read: FILE_CHANGED if another program changed
 * it, which is then left as that program wrote it.  On failure (74) the
 * old file is unchanged and no temporary file remains.
 */
int	file_update(const char *path, const char *buf, size_t len,
	    const struct file_seen *seen, const char *old, size_t oldlen);

/*
 * The same without the comparison (old NULL), for files sams does not
 * own, such as git's in a merge.
 */
int	file_replace(const char *path, const char *buf, size_t len);

/*
 * Creates path with buf[0..len), mode 0600, atomically; 73 when path
 * already exists, 74 on an I/O error.  Nothing is left behind on failure.
 */
int	file_create(const char *path, const char *buf, size_t len);

/*
 * Whether a file was put in place by this process: from then on, exit
 * status 74 ("unchanged") would be a lie.
 */
int	file_committed(void);

/* Removes a temporary file being written when a signal arrives. */
void	file_install_signal_cleanup(void);

#endif
