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
	const struct ynode	*form;
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
	const struct ynode	*due, *due_acute, *contacts, *forms;
	model_base_fn		*get_base;
};

/*
 * Checks that the roles that sign form f, read from node at, are m's
 * roles, each named once.
 */
void	link_form(struct schema *s, const struct model *m, const struct form *f,
	    const struct ynode *at);
/* Links phases, owners and prerequisites by id; checks order and cycles. */
void	model_link(struct schema *s, struct model_ctx *c);
/*
 * "extends: sams": the base's roles, phases and steps, then the file's.
 * Returns -1 if there is no base: nothing else can be checked against it.
 */
int	model_extend(struct schema *s, struct model_ctx *c, const char *id,
	    const struct ynode *at);

#endif
