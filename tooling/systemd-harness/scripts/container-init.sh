#!/bin/sh
# PID 1 of fresh namespaces (unshare --pid --mount --uts --ipc --net --cgroup): builds a
# throw-away root and execs systemd in it. Every mount happens in this mount namespace only.
# Usage: container-init.sh WORK_DIR CONTAINER_NAME [MASKED_UNIT...]
#   WORK_DIR/{layers,root} exist (empty), WORK_DIR/console is the console file,
#   WORK_DIR/remove lists paths (one a line) to delete from the overlay before boot.
set -eu
work="$1"
name="$2"
shift 2
root="$work/root"

# Our host PID (the procfs still mounted here is the host's), for nsenter from outside.
read -r host_pid _ </proc/self/stat
echo "$host_pid" >"$work/pid.tmp"
mv "$work/pid.tmp" "$work/pid"

mount --make-rprivate /
# Upper and work directories on their own tmpfs: on the root's ext4 overlayfs refuses them.
mount -t tmpfs -o mode=0700 spoor-layers "$work/layers"
mkdir "$work/layers/upper" "$work/layers/work"
mount -t overlay spoor-root -o "lowerdir=/,upperdir=$work/layers/upper,workdir=$work/layers/work" "$root"

mount -t tmpfs -o mode=0755,nosuid,nodev spoor-run "$root/run"
mount -t tmpfs -o mode=1777,nosuid,nodev spoor-tmp "$root/tmp"
mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
# Read-only /proc/sys, or the container's systemd rewrites the host's sysctls; /proc/sys/net
# belongs to the new network namespace and stays writable.
mount --bind "$root/proc/sys" "$root/proc/sys"
mount --bind "$root/proc/sys/net" "$root/proc/sys/net"
mount -o remount,bind,ro "$root/proc/sys"
mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$root/sys"
mount -t cgroup2 -o nosuid,nodev,noexec cgroup2 "$root/sys/fs/cgroup"

mount -t tmpfs -o mode=0755,nosuid spoor-dev "$root/dev"
for node in null zero full random urandom tty; do
  touch "$root/dev/$node"
  mount --bind "/dev/$node" "$root/dev/$node"
done
mkdir "$root/dev/pts" "$root/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts"
ln -s pts/ptmx "$root/dev/ptmx"
mount -t tmpfs -o mode=1777,nosuid,nodev spoor-shm "$root/dev/shm"
ln -s /proc/self/fd "$root/dev/fd"
ln -s /proc/self/fd/0 "$root/dev/stdin"
ln -s /proc/self/fd/1 "$root/dev/stdout"
ln -s /proc/self/fd/2 "$root/dev/stderr"
# A plain file as the console: systemd's output never blocks and stays readable outside.
touch "$root/dev/console"
mount --bind "$work/console" "$root/dev/console"

# Read before the host's root goes away; applied after it has (so nothing resolves outside).
remove=""
if [ -s "$work/remove" ]; then remove="$(cat "$work/remove")"; fi

cd "$root"
pivot_root . .
umount -l .

echo "$name" >/etc/hostname
for unit in "$@"; do
  ln -sfn /dev/null "/etc/systemd/system/$unit"
done
printf '%s\n' "$remove" | while IFS= read -r path; do
  if [ -n "$path" ]; then rm -rf -- "$path"; fi
done
exec env -i container=spoor-systemd-harness /lib/systemd/systemd --system systemd.unit=multi-user.target </dev/console >/dev/console 2>&1
