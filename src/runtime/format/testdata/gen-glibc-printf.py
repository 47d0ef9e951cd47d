# Generates glibc-printf.json: printf outputs from the real glibc, the reference the TS printf
# engine is tested against. Output strings hold one char per byte (bytes >= 127 as \\u00XX).
# Run: python3 gen-glibc-printf.py (needs gcc). The JSON is committed.
import json, subprocess, tempfile, os

floats = ['0.0', '-0.0', '0.1', '0.5', '1.5', '2.5', '2.75', '0.125', '0.375', '1e-5', '1.23456789e-5',
          '123456.7', '1234567.0', '1234565.0', '100000.5', '1e21', '1e22', '1e100', '5e-324',
          '1.7976931348623157e308', '3.14159', '2.0/3.0', '1.0/3.0', '9.9999995', '0.00001', '1e300',
          '9.313225746154785e-10', '999999.5', '9999995.0', '0.3', '123.456', '-2.5e-3',
          '4503599627370495.5', '1000000000000000.5', '0.0001', '1234.5', '0.00025', '-7.0', '1e-310',
          '0.045', '1.005', '2.675', '1e15', '123456789012345678.0', '0.999999', '0.9999995', '99.5', '-0.5']
ffmts = ['%g', '%.0g', '%.1g', '%.3g', '%.10g', '%.17g', '%#g', '%#.3g', '%e', '%.0e', '%.3e', '%.20e', '%E',
         '%f', '%.0f', '%.1f', '%.2f', '%.3f', '%.10f', '%.20f', '%.60f', '%F', '%G', '%10.3f', '%-12.2e|',
         '%+g', '% f', '%010.2f', '%#.0f', '%#.0e', '%+.3e', '%-8g|', '%08.3g', '%.30g', '%.100e']
ints = ['0', '1', '-1', '42', '-42', '255', '2147483647', '(-2147483647-1)', '1000000']
ifmts = ['%d', '%i', '%5d', '%-5d|', '%05d', '%+d', '% d', '%.3d', '%.0d', '%8.3d', '%-08d|', '%x', '%X', '%#x', '%#X',
         '%o', '%#o', '%u', '%c', '%08x', '%#010x', '%+5d', '%hhd', '%hd', '%hhu', '%hx']
longs = ['0', '-1', '9000000000', '9223372036854775807', '(-9223372036854775807-1)', '255', '-42']
lfmts = ['%ld', '%lu', '%lx', '%lX', '%lo', '%lld', '%llu', '%20ld', '%-20lu|', '%#lx', '%zu', '%jd', '%+ld']
strs = ['""', '"hello"', '"done"', '"a longer string"']
sfmts = ['%s', '%10s', '%-10s|', '%.2s', '%.0s', '%5.1s', '%-3s|']

# Plus deterministic pseudo-random doubles over the whole range (as exact hex literals).
import random, struct, math
rng = random.Random(20261126)
rand = []
while len(rand) < 150:
    v = struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
    if math.isfinite(v): rand.append(v.hex())
for _ in range(150):
    rand.append((rng.uniform(-1e6, 1e6) * 10 ** rng.randint(-8, 8)).hex())
rfmts = ['%g', '%.3g', '%.15g', '%.0f', '%.2f', '%.5f', '%e', '%.12e', '%.0e']

cases = []
for i, v in enumerate(rand):
    # %f of huge random magnitudes is hundreds of digits: only for the bounded half.
    for f in rfmts if i >= 150 else [f for f in rfmts if 'f' not in f]: cases.append(('f64', v, f))
for v in floats:
    for f in ffmts: cases.append(('f64', v, f))
for v in ints:
    for f in ifmts: cases.append(('i32', v, f))
for v in longs:
    for f in lfmts: cases.append(('i64', v, f))
for v in strs:
    for f in sfmts: cases.append(('str', v, f))

src = ['#include <stdio.h>', '#include <string.h>', 'static void js(const char*s){putchar(34);for(;*s;s++){unsigned char c=*s;if(c==34||c==92)printf("\\\\%c",c);else if(c<32||c>=127)printf("\\\\u%04x",c);else putchar(c);}putchar(34);}',
       'int main(void){char buf[4096];int n;']
for i, (k, v, f) in enumerate(cases):
    ctype = {'f64': 'double', 'i32': 'int', 'i64': 'long', 'str': 'const char*'}[k]
    src.append('{ %s v = %s; n = snprintf(buf, sizeof buf, "%s", v);' % (ctype, v, f))
    if k == 'f64': src.append('printf("{\\"kind\\":\\"f64\\",\\"value\\":\\"%a\\",", v);')
    elif k == 'i32': src.append('printf("{\\"kind\\":\\"i32\\",\\"value\\":\\"%d\\",", v);')
    elif k == 'i64': src.append('printf("{\\"kind\\":\\"i64\\",\\"value\\":\\"%ld\\",", v);')
    else: src.append('printf("{\\"kind\\":\\"str\\",\\"value\\":"); js(v); printf(",");')
    src.append('printf("\\"fmt\\":"); js("%s"); printf(",\\"n\\":%%d,\\"out\\":", n); js(buf); printf("}\\n"); }' % f)
src.append('return 0;}')
d = tempfile.mkdtemp()
open(os.path.join(d, 'g.c'), 'w').write('\n'.join(src))
subprocess.check_call(['gcc', '-w', '-O0', '-o', os.path.join(d, 'g'), os.path.join(d, 'g.c')])
lines = subprocess.check_output([os.path.join(d, 'g')]).decode().splitlines()
rows = [json.loads(l) for l in lines]
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'glibc-printf.json'), 'w').write('[\n' + ',\n'.join(json.dumps(r) for r in rows) + '\n]\n')
print(len(rows), 'cases')
