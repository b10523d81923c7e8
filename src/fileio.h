/*
 * Reading and safely writing files.  Writes never touch the target in
 * place: a temporary file in the same folder is written, synced and renamed
 * over it, under a lock on a separate, stable lock file.  Every function
 * reports its own problems and returns 0 or an exit status from sams.h.
 */
#ifndef FILEIO_H
#define FILEIO_H

#include <stddef.h>

/*
 * Reads the regular file path (or standard input for "-") into a
 * NUL-terminated buffer the caller frees.  66 when missing or unreadable,
 * 65 when larger than max bytes.
 */
int	file_read(const char *path, size_t max, char **buf, size_t *len);

struct file_lock {
	int	 fd;
	char	*path;
};

/*
 * Takes the lock for updating path: an flock on ".NAME.lock" beside it,
 * waiting at most SAMS_LOCK_TIMEOUT seconds (default 10): 75 on timeout.
 * Removes temporary files that an interrupted run left behind.
 */
int	file_lock(const char *path, struct file_lock *lk);
void	file_unlock(struct file_lock *lk);

/*
 * Whether path may be replaced: an existing regular file that is not a
 * symbolic link and has no other hard links (73 otherwise).
 */
int	file_check_target(const char *path);

/*
 * Replaces path with buf[0..len) atomically and durably, keeping mode 0600.
 * On failure (74) the old file is unchanged and no temporary file remains.
 */
int	file_replace(const char *path, const char *buf, size_t len);

/*
 * Creates path with buf[0..len), mode 0600, atomically; 73 when path
 * already exists, 74 on an I/O error.  Nothing is left behind on failure.
 */
int	file_create(const char *path, const char *buf, size_t len);

/* Removes a temporary file being written when a signal arrives. */
void	file_install_signal_cleanup(void);

#endif
