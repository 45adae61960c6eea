import type { LinkOption } from '../reader/link-session';
import { PointerMenu } from '../ui/pointer-menu';

interface RelationChooserProps {
  /** Viewport coordinates where the drag ended. */
  x: number;
  y: number;
  /** The two spans' texts, in the order they were dragged. */
  from: string;
  to: string;
  options: readonly LinkOption[];
  onChoose(option: LinkOption): void;
  onClose(): void;
}

/** After a drag from one mark to another, the relation types that fit, by key or click. */
export function RelationChooser({ x, y, from, to, options, onChoose, onClose }: RelationChooserProps) {
  const onItemKey = (event: { key: string }) => {
    const keyed = options.find((o) => o.type.shortcut !== '' && o.type.shortcut === event.key);
    if (keyed) onChoose(keyed);
    return keyed !== undefined;
  };
  return (
    <PointerMenu x={x} y={y} itemCount={options.length} label="Choose a relation" title={<>Link “{from}” and “{to}” as</>} onItemKey={onItemKey} onClose={onClose}>
      {options.map((option) => (
        <button key={option.type.id} type="button" role="menuitem" data-relation-type={option.type.id} onClick={() => onChoose(option)}>
          <span className="parley-swatch" style={{ background: option.type.color }} aria-hidden="true" />
          {option.type.shortcut && <kbd>{option.type.shortcut}</kbd>}
          <strong>{option.type.name}</strong>
          <span className="parley-chooser-quote">{option.reversed ? `“${to}” → “${from}”` : `“${from}” → “${to}”`}</span>
        </button>
      ))}
    </PointerMenu>
  );
}
