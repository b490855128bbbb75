// cmark-gfm, the library GitHub renders markdown with (Debian's libcmark-gfm-dev and
// libcmark-gfm-extensions-dev): the core and its extensions (tables, autolinks, strikethrough).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
