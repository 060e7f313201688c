#!/usr/bin/env bash
# A real Slurm for `eegtrack slurm` (docs/batch.md, Slurm): a one-node cluster on this machine
# from Debian's slurm-wlm (22.05) and munge, with every file in a temporary folder:
#   munged with a generated key and its own socket; slurmctld and slurmd started as root with a
#   slurm.conf for this host (free ports, proctrack/linuxproc, task/none, select/cons_tres, no
#   accounting); the scripts `eegtrack slurm` writes, queued with its submit.sh over sample_edf/
#   in 3 array tasks, then the merge job; the cohort table must equal that of one
#   `eegtrack batch` on one machine, byte for byte.
# The daemons are stopped by their process ids when the script ends, however it ends; on failure
# the daemons' logs and the jobs' output are printed.
# Usage: run_slurm_cluster.sh EEGTRACK SOURCE_DIR. Exit 77 (skip) when not root or when slurm-wlm
# or munge is missing (scripts/install-deps.sh installs them).
set -euo pipefail

eegtrack=$(realpath "$1")
source_dir=$(realpath "$2")
export PATH="$PATH:/usr/sbin:/sbin"

skip() {
  echo "SKIP: $*"
  exit 77
}
[[ $(id -u) -eq 0 ]] || skip "the Slurm daemons must be started as root (CI runs as root)"
for program in munged slurmctld slurmd sbatch squeue sinfo scontrol scancel; do
  command -v "$program" >/dev/null || skip "$program not found: install slurm-wlm and munge (scripts/install-deps.sh)"
done

# The socket path must stay short (108 bytes for a Unix socket): the cluster lives in /tmp.
work=$(mktemp -d /tmp/eegtrack-slurm.XXXXXX)
chmod 700 "$work"
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/log"
pids=()
array_job=""
merge_job=""
ok=0

print_logs() {
  for log in "$work"/log/* "$work"/out/slurm/logs/*.out; do
    [[ -f "$log" ]] || continue
    echo "----- $log (last 60 lines)"
    tail -n 60 "$log"
  done
}

cleanup() {
  local status=$?
  if [[ -n "$array_job$merge_job" ]] && ((!ok)); then
    scancel $array_job $merge_job 2>/dev/null || true  # jobs left running after a failure
  fi
  if ((status != 0 && status != 77)); then
    echo "FAILED (status $status); the cluster's logs:"
    print_logs
  fi
  # Stop what this script started, by process id, newest first.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  done
  if ((ok)); then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT

# A port nobody listens on, in the private range.
free_port() {
  local port
  for _ in $(seq 100); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && [[ "$port" != "${1:-}" ]]; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

# ---- munge: a fresh key, our own socket
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
socket="$work/munge/munge.socket"
munged --foreground --force --key-file="$work/munge/munge.key" --socket="$socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/log/munged.log" \
  --seed-file="$work/munge/munged.seed" >"$work/log/munged.out" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [[ -S "$socket" ]] && break; sleep 0.1; done
[[ -S "$socket" ]] || { echo "munged did not start"; exit 1; }

# ---- slurm.conf for this host
host=$(hostname -s)
ctld_port=$(free_port)
slurmd_port=$(free_port "$ctld_port")
cpus=$(nproc)
((cpus > 2)) && cpus=2
cat >"$work/slurm.conf" <<CONF
ClusterName=eegtrack-test
SlurmctldHost=${host}(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=${ctld_port}
SlurmdPort=${slurmd_port}
AuthType=auth/munge
AuthInfo=socket=${socket}
CredType=cred/munge
StateSaveLocation=${work}/state
SlurmdSpoolDir=${work}/spool
SlurmctldPidFile=${work}/slurmctld.pid
SlurmdPidFile=${work}/slurmd.pid
SlurmctldLogFile=${work}/log/slurmctld.log
SlurmdLogFile=${work}/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
SchedulerType=sched/backfill
SwitchType=switch/none
MpiDefault=none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
ReturnToService=2
SlurmdParameters=config_overrides
MinJobAge=600
PlugStackConfig=${work}/plugstack.conf
NodeName=${host} NodeAddr=127.0.0.1 CPUs=${cpus} RealMemory=1024 State=UNKNOWN
PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP
CONF
: >"$work/plugstack.conf"
export SLURM_CONF="$work/slurm.conf"
# This test submits as a user would: nothing inherited from an enclosing Slurm job.
while read -r name; do unset "$name"; done < <(env | sed -n 's/^\(SLURM_[A-Z_]*\)=.*/\1/p' | grep -v '^SLURM_CONF$')

slurmctld -D -i -f "$SLURM_CONF" >"$work/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -N "$host" -f "$SLURM_CONF" >"$work/log/slurmd.out" 2>&1 &
pids+=($!)

# ---- wait for the node to be idle
state=""
for _ in $(seq 60); do
  state=$(sinfo -h -N -n "$host" -o '%T' 2>/dev/null || true)
  [[ "$state" == idle ]] && break
  sleep 1
done
[[ "$state" == idle ]] || { echo "node $host not idle after 60 s (state '$state')"; sinfo -N -l || true; exit 1; }
echo "slurm: node $host idle ($cpus CPUs), slurmctld port $ctld_port, slurmd port $slurmd_port"

# ---- the scripts of eegtrack slurm, queued by its submit.sh
# The sample recordings (their hypnogram, annotations only, is left out by the folder search)
# and a truncated copy of one, so that a task meets a recording that fails.
input="$work/input"
mkdir -p "$input"
cp "$source_dir"/sample_edf/*.edf "$input/"
head -c 300000 "$source_dir/sample_edf/eegmmidb_S001R01_eyes_open.edf" >"$input/truncated.edf"
out="$work/out"
start=$SECONDS
"$eegtrack" slurm "$input" -o "$out" --array 3 --partition debug --cpus-per-task 1 \
  --mem 200M --time 00:10:00 --merge-mem 200M --merge-time 00:05:00 --job-name eegtrack-test |
  tee "$work/log/slurm.txt"
grep -q "6 recording(s) of .* each, 1 file(s) with annotations only left out (no data signal: " \
  "$work/log/slurm.txt" || { echo "eegtrack slurm did not count the hypnogram out"; exit 1; }
"$out/slurm/submit.sh"
read -r array_job merge_job <"$out/slurm/logs/submitted-jobs.txt"
echo "slurm: array job $array_job, merge job $merge_job"

# ---- wait for the merge (it runs after every array task has ended)
final_states="COMPLETED FAILED CANCELLED TIMEOUT NODE_FAIL OUT_OF_MEMORY PREEMPTED BOOT_FAIL DEADLINE"
merge_state=""
for _ in $(seq 150); do
  merge_state=$(squeue -h -t all -j "$merge_job" -o '%T' 2>/dev/null || true)
  [[ " $final_states " == *" $merge_state "* ]] && break
  sleep 1
done
cluster_s=$((SECONDS - start))
echo "slurm: jobs after ${cluster_s} s:"
squeue -t all -j "$array_job,$merge_job" -o '%.12i %.20j %.10T %.8M %R' || true
[[ "$merge_state" == COMPLETED ]] || { echo "merge job ended '$merge_state'"; exit 1; }

# Every array task ran and ended: COMPLETED, or FAILED because one of its recordings could not be
# analysed (the truncated copy: errors.tsv lists it).
tasks=$(squeue -h -t all -j "$array_job" -o '%i %T' | grep -c -E '_[0-9]+ (COMPLETED|FAILED)$' || true)
[[ "$tasks" == 3 ]] || { echo "expected 3 array tasks ended, found $tasks"; exit 1; }
for k in 1 2 3; do
  grep -q '"finished": true' "$out/shards/shard-$k-of-3.json" || { echo "shard $k/3 did not finish"; exit 1; }
done

# ---- the same input on one machine, one batch, de-identified with the project key that
# `eegtrack slurm` made before queuing (the tasks all used it)
[[ -s "$out/deidentify.key" ]] || { echo "eegtrack slurm made no project key"; exit 1; }
grep -q -- "--deidentify-key=" "$out/slurm/batch.sbatch" || { echo "tasks not given the key"; exit 1; }
single="$work/single"
single_start=$SECONDS
set +e
"$eegtrack" batch "$input" -o "$single" --jobs 2 --deidentify-key "$out/deidentify.key" \
  >"$work/log/single.log" 2>&1
single_status=$?
set -e
single_s=$((SECONDS - single_start))
((single_status <= 1)) || { cat "$work/log/single.log"; exit 1; }
for table in cohort.tsv errors.tsv cohort.json; do
  if ! cmp "$single/$table" "$out/$table"; then
    diff "$single/$table" "$out/$table" | head -40
    exit 1
  fi
done
rows=$(($(wc -l <"$out/cohort.tsv") - 1))
errors=$(($(wc -l <"$out/errors.tsv") - 1))
((rows == 6)) || { echo "expected 6 cohort rows, got $rows"; exit 1; }
((errors == 1)) || { echo "expected 1 error (the truncated copy), got $errors"; exit 1; }
grep -q "Hypnogram" "$work/log/single.log" || { echo "the hypnogram was not named as left out"; exit 1; }
echo "slurm: cohort.tsv ($rows rows, $errors error(s)), errors.tsv and cohort.json equal the single-machine batch"
echo "slurm: scripts written, queued and merged in ${cluster_s} s; one batch --jobs 2: ${single_s} s"
ok=1
