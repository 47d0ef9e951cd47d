// Run settings: main stack size, heap limit, panic strategy, fuel. Saved with the session and
// carried in share links.
import { useEffect, useRef, useState } from 'react';
import { useSettings } from '../state/settings-store';
import { DEFAULT_SETTINGS, parseSettings } from '../state/settings-model';

export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const settings = useSettings((s) => s.settings);
  const [stackKiB, setStackKiB] = useState(String(settings.stackSize / 1024));
  const [heapMiB, setHeapMiB] = useState(String(settings.heapLimit / (1 << 20)));
  const [panic, setPanic] = useState(settings.panic);
  const [fuel, setFuel] = useState(String(settings.fuel));
  const [error, setError] = useState('');

  useEffect(() => {
    const d = ref.current!;
    if (open && !d.open) {
      setStackKiB(String(settings.stackSize / 1024));
      setHeapMiB(String(settings.heapLimit / (1 << 20)));
      setPanic(settings.panic);
      setFuel(String(settings.fuel));
      setError('');
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open, settings]);

  const save = () => {
    const next = parseSettings({
      stackSize: Math.round(Number(stackKiB) * 1024),
      heapLimit: Math.round(Number(heapMiB) * (1 << 20)),
      panic,
      fuel: Math.round(Number(fuel)),
    });
    if (!next) {
      setError('Stack 1 KiB–64 MiB, heap 4 KiB–1 GiB, fuel a whole number ≥ 0 (0 = unlimited).');
      return;
    }
    useSettings.getState().setSettings(next);
    onClose();
  };

  return (
    <dialog ref={ref} className="settings" aria-labelledby="settings-title" onClose={onClose} onCancel={onClose}>
      <form method="dialog" onSubmit={(e) => { e.preventDefault(); save(); }}>
        <h2 id="settings-title">Run settings</h2>
        <label>Main stack size (KiB)
          <input name="stack" type="number" min="1" step="any" value={stackKiB} onChange={(e) => setStackKiB(e.target.value)} />
        </label>
        <label>Heap limit (MiB)
          <input name="heap" type="number" min="0.004" step="any" value={heapMiB} onChange={(e) => setHeapMiB(e.target.value)} />
        </label>
        <label>Panic strategy
          <select name="panic" value={panic} onChange={(e) => setPanic(e.target.value as 'unwind' | 'abort')}>
            <option value="unwind">unwind</option>
            <option value="abort">abort</option>
          </select>
        </label>
        <label>Fuel (max steps, 0 = unlimited)
          <input name="fuel" type="number" min="0" step="1" value={fuel} onChange={(e) => setFuel(e.target.value)} />
        </label>
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="dialog-buttons">
          <button type="button" onClick={() => {
            setStackKiB(String(DEFAULT_SETTINGS.stackSize / 1024));
            setHeapMiB(String(DEFAULT_SETTINGS.heapLimit / (1 << 20)));
            setPanic(DEFAULT_SETTINGS.panic);
            setFuel(String(DEFAULT_SETTINGS.fuel));
          }}>Defaults</button>
          <span className="spacer" />
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary">Save</button>
        </div>
      </form>
    </dialog>
  );
}
