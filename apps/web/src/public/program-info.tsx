import { Card, Collapse, Descriptions, Empty, Typography } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import type { ProgramDetail } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { textIn } from '../i18n/text-in.tsx';

type Def = ProgramDetail['definition'];
export type Contact = Def['contacts'][number];

/** 通知正文 and its 附件: each expands to its full text. */
export function ProgramDocuments({ documents }: { documents: Def['documents'] }) {
  const { lang, t } = useI18n();
  if (documents.length === 0) return null;
  return (
    <Card title={t('call.documents')} className="lv-call-card" data-testid="documents">
      <Collapse
        items={documents.map((d) => ({
          key: d.id,
          label: textIn(lang, d.title, d.titleEn),
          children: (
            <>
              {d.body ? <div className="lv-pre lv-document-body">{textIn(lang, d.body, undefined, true)}</div> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('call.noText')} />}
              {d.url && (
                <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
                  <a href={d.url} target="_blank" rel="noreferrer">
                    <LinkOutlined /> {t('call.original')}
                  </a>
                </Typography.Paragraph>
              )}
            </>
          ),
        }))}
      />
    </Card>
  );
}

export function ContactList({ contacts, testId }: { contacts: Contact[]; testId?: string }) {
  const { lang, t } = useI18n();
  return (
    <div data-testid={testId}>
      {contacts.map((c, i) => (
        <Descriptions
          key={`${c.role}-${i}`}
          size="small"
          column={1}
          className="lv-contact"
          title={textIn(lang, c.role, c.roleEn)}
          items={[
            { key: 'name', label: t('call.contactName'), children: textIn(lang, c.name, c.nameEn) },
            ...(c.phone ? [{ key: 'phone', label: t('call.phone'), children: <a href={`tel:${c.phone}`}>{c.phone}</a> }] : []),
            ...(c.email ? [{ key: 'email', label: t('call.email'), children: <a href={`mailto:${c.email}`}>{c.email}</a> }] : []),
            ...(c.address ? [{ key: 'address', label: t('call.address'), children: textIn(lang, c.address, c.addressEn) }] : []),
          ]}
        />
      ))}
    </div>
  );
}

export function ProgramContacts({ contacts }: { contacts: Contact[] }) {
  const { t } = useI18n();
  if (contacts.length === 0) return null;
  return (
    <Card title={t('call.contacts')} className="lv-call-card">
      <ContactList contacts={contacts} testId="contacts" />
    </Card>
  );
}
