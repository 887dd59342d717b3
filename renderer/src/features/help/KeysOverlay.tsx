import { Dialog } from '../../components/Dialog';
import { KEY_HELP } from '../../lib/keys';

export function KeysOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keys" onClose={onClose} className="keys-overlay">
      <table className="keys">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {KEY_HELP.map((k) => (
            <tr key={k.keys}>
              <td>
                <kbd>{k.keys}</kbd>
              </td>
              <td>{k.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" data-autofocus onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
      </div>
    </Dialog>
  );
}
