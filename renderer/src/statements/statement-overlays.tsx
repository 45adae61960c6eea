import type { EditorView } from '@codemirror/view';
import { Suspense, useState } from 'react';
import type { Entity, LabelSchema } from '../../../annotations/model';
import { oneLine } from '../../../annotations/text/ellipsis';
import { makeLink } from '../reader/statement-commands';
import { ownAnnotations, readerConfig, statusEffect } from '../reader/reader-state';
import { readerSession } from '../reader/reader-session';
import { setEntities, setStatementUi, type StatementUi } from '../reader/statement-state';
import { AttributeMenu } from './attribute-menu';
import { EntitiesDialog } from '../app/lazy-parts';
import { LoadingPart } from '../ui/loading-part';
import { EntityPicker, type EntityChoice } from './entity-picker';
import { RelationChooser } from './relation-chooser';
import './statements.css';

interface StatementOverlaysProps {
  cm: EditorView | null;
  ui: StatementUi;
  labels: LabelSchema;
  entities: readonly Entity[];
  suggestDate(text: string): string | null;
  dateProblem(value: string): string | null;
}

/** The menus statements open over the reader: attributes, entities, and the relation choice after a drag. */
export function StatementOverlays({ cm, ui, labels, entities, suggestDate, dateProblem }: StatementOverlaysProps) {
  // The library's entities, opened from the entity picker with the span's entity shown first.
  const [managing, setManaging] = useState<{ initialId?: string } | null>(null);
  if (!cm) return null;
  const own = cm.state.field(ownAnnotations);
  const session = cm.state.facet(readerSession);
  const appearance = cm.state.field(readerConfig).appearance;
  const close = (change: Partial<StatementUi>, status?: string) => {
    cm.dispatch({ effects: [setStatementUi.of(change), ...(status ? [statusEffect(status)] : [])] });
    cm.focus();
  };

  const menu = ui.attributeMenu;
  const menuTarget = menu ? own.find((a) => a.id === menu.annotationId) : undefined;
  const picker = ui.entityPicker;
  const pickerTarget = picker ? own.find((a) => a.id === picker.annotationId) : undefined;
  const chooser = ui.relationChooser;
  const chooserFrom = chooser ? own.find((a) => a.id === chooser.sourceId) : undefined;
  const chooserTo = chooser ? own.find((a) => a.id === chooser.targetId) : undefined;

  const chooseEntity = async (choice: EntityChoice) => {
    if (!pickerTarget || !session) return;
    const quote = `“${oneLine(pickerTarget.quote.exact, 40)}”`;
    close({ entityPicker: null });
    if (choice.kind === 'unlink') return session.setEntity(pickerTarget.id, null, `${quote} is no longer linked to an entity.`);
    let entityId: string;
    let name: string;
    if (choice.kind === 'create') {
      const made = await window.parley.api.createEntity({ name: choice.name, kind: pickerTarget.labelId, aliases: [] });
      if (!made.ok) return cm.dispatch({ effects: statusEffect(`No entity made: ${made.error.message}`) });
      entityId = made.value.id;
      name = made.value.name;
    } else if (choice.kind === 'alias') {
      const aliased = await window.parley.api.addEntityAlias({ entityId: choice.entityId, alias: choice.alias });
      if (!aliased.ok) return cm.dispatch({ effects: statusEffect(`Alias not added: ${aliased.error.message}`) });
      entityId = aliased.value.id;
      name = aliased.value.name;
    } else {
      entityId = choice.entityId;
      name = entities.find((e) => e.id === entityId)?.name ?? entityId;
    }
    if (choice.kind !== 'link') {
      const all = await window.parley.api.listEntities({});
      if (all.ok) cm.dispatch({ effects: setEntities.of(all.value) });
    }
    session.setEntity(pickerTarget.id, entityId, `${quote} is linked to ${name}${choice.kind === 'alias' ? `, and “${choice.alias}” is now one of its aliases` : ''}.`);
  };

  return (
    <>
      {menu && menuTarget && session && (
        <AttributeMenu
          annotation={menuTarget}
          labelName={appearance.get(menuTarget.labelId)?.name ?? menuTarget.labelId}
          attributes={labels.labels.find((l) => l.id === menuTarget.labelId)?.attributes ?? []}
          attributeId={menu.attributeId}
          suggestDate={suggestDate}
          dateProblem={dateProblem}
          onSet={(attributeId, value) => {
            const definition = labels.labels.find((l) => l.id === menuTarget.labelId)?.attributes?.find((a) => a.id === attributeId);
            const shown = value === null ? null : (definition?.options?.find((o) => o.id === value)?.name ?? value);
            close({ attributeMenu: null });
            session.setAttribute(menuTarget.id, attributeId, value, shown === null ? `${definition?.name ?? attributeId} cleared.` : `${definition?.name ?? attributeId} set to ${shown}.`);
          }}
          onClose={() => close({ attributeMenu: null })}
        />
      )}
      {picker && pickerTarget && (
        <EntityPicker
          annotation={pickerTarget}
          labelName={appearance.get(pickerTarget.labelId)?.name ?? pickerTarget.labelId}
          entities={entities}
          onChoose={(choice) => void chooseEntity(choice)}
          onClose={() => close({ entityPicker: null })}
          onManage={() => {
            cm.dispatch({ effects: setStatementUi.of({ entityPicker: null }) });
            setManaging(pickerTarget.entityId ? { initialId: pickerTarget.entityId } : {});
          }}
        />
      )}
      {managing && (
        <Suspense fallback={<LoadingPart />}>
          <EntitiesDialog
            entities={entities}
            labels={labels}
            {...(managing.initialId ? { initialId: managing.initialId } : {})}
            onEntities={(list) => cm.dispatch({ effects: setEntities.of(list) })}
            onClose={() => {
              setManaging(null);
              cm.focus();
            }}
          />
        </Suspense>
      )}
      {chooser && chooserFrom && chooserTo && (
        <RelationChooser
          x={chooser.x}
          y={chooser.y}
          from={oneLine(chooserFrom.quote.exact, 30)}
          to={oneLine(chooserTo.quote.exact, 30)}
          options={chooser.options}
          onChoose={(option) => close({ relationChooser: null }, makeLink(cm.state, chooserFrom, chooserTo, option).status)}
          onClose={() => close({ relationChooser: null }, 'Link not made.')}
        />
      )}
    </>
  );
}
