/*
 * Tiny workload for bench/pilot-vs-tini.sh: stamps CLOCK_MONOTONIC at interesting moments so the
 * harness can compare supervisors without measuring an interpreter's start-up.
 *   stamp FILE            write the time at main() to FILE and exit 0
 *   stamp --term FILE     create FILE.ready, wait; on SIGTERM write the time to FILE and exit 0
 *   stamp --orphans N     make N orphans (each exits at once), wait 1 s, print how many
 *                         zombies the pid namespace holds, exit 0
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *term_file;

static long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void write_stamp(const char *file, long long ns) {
  char text[32];
  int len = snprintf(text, sizeof text, "%lld\n", ns);
  int fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0) {
    (void)!write(fd, text, (size_t)len);
    close(fd);
  }
}

static void on_term(int sig) {
  (void)sig;
  write_stamp(term_file, now_ns());
  _exit(0);
}

static int count_zombies(void) {
  int zombies = 0;
  DIR *proc = opendir("/proc");
  struct dirent *entry;
  while (proc && (entry = readdir(proc)) != NULL) {
    char path[300], buf[512];
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
    snprintf(path, sizeof path, "/proc/%s/stat", entry->d_name);
    int fd = open(path, O_RDONLY);
    if (fd < 0) continue;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) continue;
    buf[n] = 0;
    char *paren = strrchr(buf, ')');
    if (paren && paren[1] == ' ' && paren[2] == 'Z') zombies++;
  }
  if (proc) closedir(proc);
  return zombies;
}

int main(int argc, char **argv) {
  long long start = now_ns();
  if (argc == 2) {
    write_stamp(argv[1], start);
    return 0;
  }
  if (argc == 3 && strcmp(argv[1], "--term") == 0) {
    char ready[4096];
    term_file = argv[2];
    signal(SIGTERM, on_term);
    snprintf(ready, sizeof ready, "%s.ready", argv[2]);
    write_stamp(ready, start);
    for (;;) pause();
  }
  if (argc == 3 && strcmp(argv[1], "--orphans") == 0) {
    int n = atoi(argv[2]);
    for (int i = 0; i < n; i++) {
      pid_t child = fork();
      if (child == 0) {
        if (fork() == 0) _exit(0); /* the grandchild: orphaned at once, exits at once */
        _exit(0);
      }
      if (child > 0) waitpid(child, NULL, 0);
    }
    sleep(1);
    printf("%d\n", count_zombies());
    return 0;
  }
  fprintf(stderr, "usage: stamp FILE | --term FILE | --orphans N\n");
  return 2;
}
