/*
 * Reading and safely writing files.  Writes never touch the target in
 * place: a temporary file in the same folder is written, synced and renamed
 * over it, under a lock on a separate, stable lock file.  Every function
 * returns 0, or -1 after reporting through diag (the kind of failure in
 * parentheses below); file_update() says more.
 */
#ifndef FILEIO_H
#define FILEIO_H

#include <sys/types.h>

#include <stddef.h>
#include <stdio.h>
#include <time.h>

/*
 * Reads the regular file path (or standard input for "-") into a
 * NUL-terminated buffer the caller frees.  -1 after reporting when missing
 * or unreadable (FAIL_NOINPUT), or larger than max bytes (FAIL_DATA).
 * Follows symbolic links: for reading only.
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
 * open descriptor shows (FAIL_CANTCREAT otherwise); fills *seen.
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

/*
 * -1 after reporting (FAIL_CANTCREAT) when path's base name is longer than
 * FILE_NAME_MAX.
 */
int	file_check_name(const char *path);

/*
 * Takes the lock for updating path: an flock on ".NAME.lock" beside it,
 * waiting at most the lock timeout: FAIL_TEMP on timeout; FAIL_CANTCREAT
 * when the lock is not a regular file or another user's that this one
 * cannot open; FAIL_IO when it cannot be made or taken.  Removes
 * temporary files an interrupted run left behind: exactly
 * ".NAME.tmp.PID.HEX".
 */
int	file_lock(const char *path, struct file_lock *lk);
void	file_unlock(struct file_lock *lk);

/*
 * Whether path may be replaced: an existing regular file that the process
 * can open for reading (FAIL_NOINPUT otherwise), that is not a symbolic
 * link and has no other hard links (FAIL_CANTCREAT otherwise).
 */
int	file_check_target(const char *path);

/* What file_update() did. */
enum file_update {
	FILE_FAILED = -1,	/* reported why; the file is unchanged */
	FILE_UPDATED = 0,
	FILE_CHANGED		/* not reported: another program changed it */
};

/*
 * Replaces path, read as seen with the bytes old[0..oldlen), by
 * buf[0..len), atomically and durably, keeping its permission bits, group
 * and, where the process may, owner.  Just before the rename, the file is
 * compared with what was read: FILE_CHANGED if another program changed
 * it, which is then left as that program wrote it, for the caller to
 * start over or report.  On FILE_FAILED (FAIL_IO, or FAIL_CANTCREAT when
 * no file can be made in the folder) the old file is unchanged; in every
 * case no temporary file remains.
 */
enum file_update	file_update(const char *path, const char *buf,
			    size_t len, const struct file_seen *seen,
			    const char *old, size_t oldlen);

/*
 * The same without the comparison, for files sams does not own, such as
 * git's in a merge: 0, or -1 after reporting (FAIL_NOINPUT when path
 * cannot be looked at).
 */
int	file_replace(const char *path, const char *buf, size_t len);

/*
 * Creates path with buf[0..len), mode 0600, atomically; FAIL_CANTCREAT
 * when path already exists or the folder refuses, FAIL_IO on an I/O
 * error.  Nothing is left behind on failure.
 */
int	file_create(const char *path, const char *buf, size_t len);

/*
 * A file written as a stream, put in place whole or not at all: a
 * temporary file beside path until file_out_commit() renames it over
 * path.  For output too large to hold in memory (a report page).
 */
struct file_out {
	char	*path, *tmp;	/* tmp NULL: written to path directly */
	FILE	*fp;		/* write here */
};

/*
 * Opens fo->fp on a new temporary file beside path, with the permission
 * bits, group and owner of the file it will replace (mode 0600 when
 * there is none): 0, or -1 after reporting (FAIL_CANTCREAT when no file
 * can be made in the folder, a missing folder among the reasons, or
 * path is a folder or a block device or socket).  A symbolic link is
 * followed, its file replaced; a character device or a FIFO (/dev/stdout,
 * a pipe) is written to directly, never replaced.
 */
int	file_out_open(struct file_out *fo, const char *path);
/*
 * Flushes, syncs and closes the stream, then renames it over path: 0, or
 * -1 after reporting (FAIL_IO), path then unchanged and no temporary file
 * left.  A device or FIFO is flushed and closed: -1 (FAIL_IO) when a
 * write failed.
 */
int	file_out_commit(struct file_out *fo);
/* Closes and removes the temporary file; path is unchanged. */
void	file_out_abandon(struct file_out *fo);

/*
 * The folder of path ("." when it names none, "/" at the root), which the
 * caller frees; *base, unless base is NULL, points at its last name in
 * path.
 */
char	*file_folder(const char *path, const char **base);

/*
 * Whether a file was put in place by this process: from then on, exit
 * status 74 ("unchanged") would be a lie.
 */
int	file_committed(void);

/* Removes a temporary file being written when a signal arrives. */
void	file_install_signal_cleanup(void);
/*
 * A temporary file for this process alone, named from name ("sams-sort")
 * in $TMPDIR when it is an absolute path, else in /tmp, open for reading
 * and writing and removed at once, so that nothing is left behind however
 * sams ends.  *dir is set to the folder, for messages.  NULL with errno.
 */
FILE	*file_temp(const char *name, const char **dir);
/* The same as a descriptor, or -1 with errno. */
int	 file_temp_fd(const char *name, const char **dir);

#endif
