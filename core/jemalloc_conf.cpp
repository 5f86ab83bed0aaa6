// jemalloc's settings for the tools that link it (cmake/Dependencies.cmake, dep_allocator):
// jemalloc reads this variable at start-up, before main and before any environment setting
// (MALLOC_CONF still overrides it).
//
// One arena. A search runs on a thread or two started for that query, and jemalloc gives each
// new thread the arena least in use: each query then allocated its posting-list buffers on pages
// no thread had touched yet, and page faults made a search at 100,000 studies about half as slow
// again (28,667 page faults for 250 queries against 3,401 with one arena). With one arena a
// query reuses what the last one freed. Ingest, whose threads live for the whole run, is as fast
// either way.
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "narenas:1";
}
