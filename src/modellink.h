/*
 * Inside the model reader, shared by model.c (reading the keys of one
 * file) and modellink.c (linking what was read, and merging the base it
 * extends): what reading gathers before linking.  For those two files
 * only.  Everything here lives in the model's arena.
 */
#ifndef MODELLINK_H
#define MODELLINK_H

#include "model.h"
#include "schema.h"

/* A step as read: names of phases, roles and prerequisites to link. */
struct step_ctx {
	struct step		*st;
	const struct ynode	*phase, *owner, *fallback, *after, *warn;
};

struct model_ctx {
	struct model		*m;
	struct step_ctx		*steps;		/* the file's own steps */
	size_t			 nown;
	const struct ynode	*extends, *omit_node;
	const struct ynode	*school_start;	/* the model's own */
	const char		**omit;
	size_t			 nomit;
	const char		*local_base;	/* .sams/local.yml: its model */
	const struct ynode	*due, *due_acute, *contacts;
	model_base_fn		*get_base;
};

/* Links phases, owners and prerequisites by id; checks order and cycles. */
void	model_link(struct schema *s, struct model_ctx *c);
/*
 * "extends: sams": the base's roles, phases and steps, then the file's.
 * Returns -1 if there is no base: nothing else can be checked against it.
 */
int	model_extend(struct schema *s, struct model_ctx *c, const char *id,
	    const struct ynode *at);

#endif
