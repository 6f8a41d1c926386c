import { App, Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';

// The header's menu for a signed-in user, a chunk of its own (app-shell.tsx loads it lazily).
export default function UserMenu() {
  const { user, logout } = useSession();
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  if (!user) return null;

  const items: MenuProps['items'] = [
    { key: 'email', label: t('nav.signedInAs', { email: user.email }), disabled: true },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="change-password-link">{t('nav.changePassword')}</span> },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('nav.logout')}</span>, danger: true },
  ];
  const onClick: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'password') navigate('/change-password');
    if (key === 'logout') {
      try {
        await logout();
      } finally {
        message.success(t('nav.loggedOut'));
        navigate('/');
      }
    }
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" className="lv-user" data-testid="user-menu">
        <Avatar size="small" icon={<UserOutlined />} className="lv-avatar" />
        {/* A name as the person wrote it: Chinese names are marked as such, not translated. */}
        <span className="lv-user-name" data-testid="user-name" lang={/[\u3400-\u9fff]/.test(user.displayName) ? 'zh-CN' : undefined}>
          {user.displayName}
        </span>
      </Button>
    </Dropdown>
  );
}
