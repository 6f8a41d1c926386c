import { RegionCascader } from '../form-renderer/fields/region-field.tsx';
import { regionFromPrefix, regionPrefix } from './filters.ts';

/** A province or city filter whose value is a GB/T 2260 prefix (41, 4101), as the list APIs take it. */
export function RegionPrefixFilter(props: { value: string | undefined; onChange: (prefix: string | undefined) => void; testId: string; minWidth: number }) {
  return (
    <div style={{ minWidth: props.minWidth }}>
      <RegionCascader
        level="city"
        anyLevel
        value={regionFromPrefix(props.value)}
        onChange={(code) => props.onChange(code ? regionPrefix(code) : undefined)}
        testId={props.testId}
        block
      />
    </div>
  );
}
