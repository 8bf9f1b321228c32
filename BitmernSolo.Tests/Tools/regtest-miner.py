#!/usr/bin/env python3
"""Smoke test of a BitmernSolo Litecoin (scrypt) stratum port: subscribe, authorize, solve one share, submit it.

Usage: BitmernSolo.Tests/Tools/regtest-miner.py ADDRESS [HOST] [PORT]   (defaults 127.0.0.1 3333; standard library only).
On regtest the port's difficulty is above the network's, so the share is also a block: the node's tip becomes the
pool-built block whose coinbase pays ADDRESS.
"""
import socket, json, hashlib, struct, sys
if len(sys.argv) < 2:
    sys.exit(__doc__)
addr = sys.argv[1]
host = sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1"
port = int(sys.argv[3]) if len(sys.argv) > 3 else 3333
s = socket.create_connection((host, port), timeout=30)
f = s.makefile('rwb')
def send(i, m, p):
    f.write((json.dumps({"id": i, "method": m, "params": p}) + "\n").encode()); f.flush()
def read():
    return json.loads(f.readline())
send(1, "mining.subscribe", ["walkthrough/1.0"])
msgs = []
sub = None
while sub is None:
    m = read()
    if m.get("id") == 1: sub = m
    else: msgs.append(m)
print("subscribe:", sub)
en1, en2size = sub["result"][1], sub["result"][2]
send(2, "mining.authorize", [addr + ".walk", "x"])
auth = None
while auth is None:
    m = read()
    if m.get("id") == 2: auth = m
    else: msgs.append(m)
print("authorize:", auth)
diff = None; job = None
while job is None:
    if not msgs: msgs.append(read())
    m = msgs.pop(0)
    if m.get("method") == "mining.set_difficulty": diff = m["params"][0]
    if m.get("method") == "mining.notify": job = m["params"]
print("difficulty:", diff, "notify job", job[0], "ntime", job[7])
# Solve one share (scrypt, share multiplier 65536)
target = int(0xffff * 2**208 * 65536 / diff)
en2 = "00" * en2size
cb = bytes.fromhex(job[2] + en1 + en2 + job[3])
root = hashlib.sha256(hashlib.sha256(cb).digest()).digest()
for b in job[4]:
    root = hashlib.sha256(hashlib.sha256(root + bytes.fromhex(b)).digest()).digest()
prev = bytes.fromhex(job[1]); prev = b"".join(prev[i:i+4][::-1] for i in range(0, 32, 4))
for nonce in range(1 << 32):
    h = struct.pack("<I", int(job[5], 16)) + prev + root + struct.pack("<I", int(job[7], 16)) + struct.pack("<I", int(job[6], 16)) + struct.pack("<I", nonce)
    pow_ = hashlib.scrypt(h, salt=h, n=1024, r=1, p=1, dklen=32)
    if int.from_bytes(pow_, "little") <= target: break
send(3, "mining.submit", [addr + ".walk", job[0], en2, job[7], "%08x" % nonce])
while True:
    m = read()
    if m.get("id") == 3: print("submit:", m); break
